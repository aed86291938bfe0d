"""The question forms, one module per family; :mod:`kg.ask.registry` orders them."""
