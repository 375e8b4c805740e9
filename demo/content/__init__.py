"""The demo content as data: English texts with their translations (see `demo.text.T`).

Facts and figures from the seed documents are named with their source; the wording is the
portal's own. Organisations described as fictional exist only in this demo.
"""
