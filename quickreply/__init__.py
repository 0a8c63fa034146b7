"""QuickReply (快捷回复助手): quick replies and macros for e-commerce chat agents."""

__version__ = "0.1.0"
