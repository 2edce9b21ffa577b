"""Import procedures from the National Public Service Portal's records into the catalog.

One module per job: `text` (cleaning), `channels`, `documents`, `legal`, `steps`, `result`
(one parser per flattened table or field, each a plain function returning what it could read
and what it could not), `record` (one record -> one procedure mapping), `ids`, `categories`,
`merge` (re-import without overwriting editors' changes), `yamlout` (writing files),
`scaffold` (`thutuc new`: an empty procedure file) and
`run` (the `thutuc import national` command).
"""
