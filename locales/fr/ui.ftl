# Éléments communs des écrans.

ui-pane-too-small = serein : fenêtre trop petite
