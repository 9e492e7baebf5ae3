# A case handed to another service, as its client sees it (queue::handover).
thread-handed = Service message
thread-handed-to = Your request was passed to { $service }. They answer you from now on, here with the same receipt code.
