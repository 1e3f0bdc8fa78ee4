print("zhanggui-tui")
