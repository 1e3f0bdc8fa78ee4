import Hummingbird
import Logging
import ServiceLifecycle
import TOMLKit
enum HubPlaceholder {}
