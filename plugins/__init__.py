"""The built-in plugins of AlexNet Desktop, installed as `alexnet_desktop_plugins`.

They are registered through the `alexnet_desktop` entry-point group, exactly as a
third-party plugin would be, so they prove that route works.
"""
