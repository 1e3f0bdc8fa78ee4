// The shift desk: the TUI screens.
