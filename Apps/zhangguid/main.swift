print("zhangguid")
