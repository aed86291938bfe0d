"""Commands of this module are registered on kg_cli.app.app."""
