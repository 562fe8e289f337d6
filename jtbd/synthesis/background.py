"""A fixed background of customer statements, to find what all statements have in common.

Sentence embeddings of one study share a large common direction (every statement is about
the same product and said in the same register), which makes unrelated statements look
alike. Themes subtract the mean vector of everything the report embeds before comparing
statements; these statements, about many products and in three languages, are blended
into that mean so it stays sensible for a handful of statements too. Written for jtbd;
not taken from any interview.
"""

from __future__ import annotations

BACKGROUND = (
    "The old printer jams every time we print labels",
    "I waste an hour a week looking for the right file",
    "Our phone plan charges roaming fees nobody understands",
    "The spreadsheet crashes when three people open it",
    "I never know which version of the contract is the latest",
    "The bus is late so often that I drive instead",
    "Checking stock by hand takes the whole Monday",
    "Paying rent by bank transfer every month is a chore",
    "I like that the new app shows everything on one screen",
    "A neighbour told me the service was reliable",
    "The free trial let me try it without a card",
    "It syncs between my laptop and my phone",
    "Being able to export everything made me trust it",
    "The support team answered within an hour",
    "I was worried the data would be lost in the move",
    "What if the new system goes down on a busy day",
    "I did not want to learn yet another tool",
    "The price might go up after the first year",
    "My colleagues might refuse to use it",
    "I am not sure it works with our old hardware",
    "We have always done it this way and it works",
    "Everyone on the team already knows the old tool",
    "I had paid for the whole year in advance",
    "Changing now would mean retraining everybody",
    "The current setup is good enough for us",
    "My manager likes the reports the way they are",
    "When a customer calls, I want to find their order at once",
    "I want to spend less time on paperwork",
    "Il gestionale si blocca quando lo usiamo in tanti",
    "Perdo tempo a cercare le fatture nella posta",
    "Mi piace poter vedere tutto dal telefono",
    "Ho paura che i dati vadano persi nel passaggio",
    "Abbiamo sempre fatto così e funziona",
    "Il costo mensile mi sembra alto",
    "Le logiciel plante dès que le fichier est gros",
    "Je perds du temps à ressaisir les mêmes chiffres",
    "J'aime pouvoir tout retrouver au même endroit",
    "J'ai peur que l'équipe ne suive pas",
    "On a l'habitude de l'ancien outil",
    "Le prix de l'abonnement risque d'augmenter",
)
