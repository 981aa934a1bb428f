from qwen_reader.cli import main

main()
