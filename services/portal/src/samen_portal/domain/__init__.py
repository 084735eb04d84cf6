"""Pure rules of the portal: what a fact says, what goes on the worklist, who sees what."""
