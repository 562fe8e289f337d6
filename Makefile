# Two commands a new user needs: `make demo` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test lint golden bench docs clean train bench-suggest

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: set up, ingest the example notes and transcripts, suggest forces, write the reports into out/
demo: $(STAMP)
	$(BIN)/jtbd ingest examples/notes examples/transcripts --workspace $(OUT)/.jtbd
	$(BIN)/jtbd suggest --workspace $(OUT)/.jtbd --review $(OUT)/review
	$(BIN)/jtbd export --workspace $(OUT)/.jtbd --format csv -o $(OUT)/forces.csv
	$(BIN)/jtbd report --workspace $(OUT)/.jtbd --format html -o $(OUT)/report.html
	$(BIN)/jtbd report --workspace $(OUT)/.jtbd --format md -o $(OUT)/report.md
	$(BIN)/jtbd report --workspace $(OUT)/.jtbd
	@echo "Open $(OUT)/report.html in a browser."

## test: set up and run the test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff and mypy
lint: $(STAMP)
	$(BIN)/ruff check jtbd tests bench docs tools training
	$(BIN)/ruff format --check jtbd tests bench docs tools training
	$(BIN)/mypy

## golden: regenerate the reviewed golden files under tests/golden/
golden: $(STAMP)
	$(BIN)/python tests/regenerate_golden.py

## bench: the speed and memory benchmark
bench: $(STAMP)
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_report.py

## train: regenerate jtbd/weights/suggester.npz from the labelled statements (training/SOURCES.md)
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	$(BIN)/python training/train_suggester.py

## bench-suggest: the suggester's accuracy on unseen sources, calibration and speed
bench-suggest: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	$(BIN)/python bench/bench_suggest.py

clean:
	rm -rf $(VENV) $(OUT) .jtbd dist build

## docs: re-render docs/forces-diagram.png from examples/ (needs chromium)
docs: $(STAMP)
	$(BIN)/python docs/make_diagram_png.py
