"""Demo content for the portal: a small, believable, multilingual site to explore.

`content` holds the texts and their translations as data; `build.Loader` turns them into
pages, snippets, files and translations; `files` draws the PDFs and images; `users` makes one
account per editorial role. Run it with `manage.py load_demo_content`.
"""
