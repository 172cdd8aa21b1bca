# The prefixes of what serein prints on stderr.

main-error = serein: { $message }
main-warning = warning: { $message }
