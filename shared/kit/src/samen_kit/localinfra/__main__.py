from samen_kit.localinfra.cli import main

main()
