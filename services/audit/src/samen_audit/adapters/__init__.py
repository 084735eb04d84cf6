"""Tables, repositories and the other ties to the outside world."""
