"""HTTP entrypoints: staff API (`/v1`), parent pages (`/ouders`), and the sweep job."""
