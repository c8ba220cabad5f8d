"""The subcommands of `alexnet-desktop`, one module per group; `alexnet_desktop.cli` puts them together.

`common` holds what they share (the progress printer, Ctrl-C handling, `demo` and
`--option` parsing); `data` checks datasets and architectures, `train` trains and resumes,
`labelling` predicts, evaluates, sorts and undoes, `model` explains and exports.
Each command only starts a core job and prints its events and result.
"""
