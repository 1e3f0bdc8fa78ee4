// zhanggui: the administrator's command line. Every command lives in AdminCommands.
import AdminCommands

Zhanggui.run()
