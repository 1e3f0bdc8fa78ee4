// zhangguid: the sync hub. Everything lives in HubServer.
import HubServer

await HubCommand.runMain()
