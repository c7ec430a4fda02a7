print("meja")
