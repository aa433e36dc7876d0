"""The Home page: data status, the method in brief, links to every page."""
