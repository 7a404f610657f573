"""Browser assets: the scripts and styles the plugin ships in theme/ and the data files it writes for them."""
