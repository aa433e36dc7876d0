"""What every page shares: the frame, the page context, caching, session state, widgets,
formatting, filters, the client card and the parts several pages draw.

A page's folder imports from here, never from another page's folder (a test checks it)."""
