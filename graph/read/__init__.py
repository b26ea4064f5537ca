"""The API's reads: functions taking the port, keyword arguments and the caller's `scope`, returning rows.

Every query behind them takes `$scope` ({"all": bool, "force": code or None}) and returns only what that
caller may see (docs/api.md, "Access rules"); nothing here filters rows in Python.
"""
