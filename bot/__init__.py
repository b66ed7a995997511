"""canishare: answers "can I share this?" questions from a curated FAQ, escalates the rest."""

__version__ = "0.1.0"
