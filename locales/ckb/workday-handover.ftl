# A case handed to another service, as its client sees it (queue::handover).
thread-handed = پەیامی خزمەتگوزاری
thread-handed-to = داواکارییەکەت نێردرا بۆ { $service }. لەمەودوا ئەوان وەڵامت دەدەنەوە، لێرە بە هەمان کۆدی پسوولە.
