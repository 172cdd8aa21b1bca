# Shared screen chrome.

ui-pane-too-small = serein: pane too small
