"""The wire protocol: protobuf messages and gRPC-Web framing, pure Python.

Krita's bundled Python on Windows and macOS has neither protobuf nor grpcio,
so the few messages the plugin needs are encoded by hand (issue 5, item 4).
"""
