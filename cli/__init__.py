"""The ``kg`` command line: parses options, calls one :mod:`kg` function, renders.

Installed as the package ``kg_cli`` (the folder is ``cli/`` per the design card).
"""
