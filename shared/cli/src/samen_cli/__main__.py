from samen_cli.main import app

app(prog_name="samen")
