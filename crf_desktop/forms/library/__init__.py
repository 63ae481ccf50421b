"""The study's form declarations, one module per form (later issues add eligibility, labs, AE, ...)."""
