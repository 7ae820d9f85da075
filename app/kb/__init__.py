"""The knowledge base: parsed regulations kept in the database (``store``) and filled from files (``ingest``).

``store`` holds the keyword-only domain functions the API and the CLI call (``save_document``,
``list_regulations``, ``get_regulation``, ``regulation_tree``, ``get_provision``); ``naming`` the
regulation id rule; ``ingest`` walks files and folders into the store; ``outline`` renders a
tree as indented, wrapped text for a terminal.
"""
