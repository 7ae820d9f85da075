"""The REST API: thin routes over ``app.kb`` (one module per resource, mounted by ``app.main``)."""
