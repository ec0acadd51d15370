#!/bin/bash
# mlinfra ml-security-posture: on-start hardening of the notebook (lifecycle scripts run as root).
# Runs on every start of an Amazon Linux 2023 notebook (notebook-al2023-v1), so each step is idempotent,
# and it must finish within SageMaker's 5 minutes: it never waits for the Jupyter server.
set -euo pipefail
CONFIG=/home/ec2-user/.jupyter/jupyter_server_config.py
mkdir -p "$(dirname "$CONFIG")"
# No Jupyter terminals: notebook users work through kernels, not an interactive shell.
grep -qxF 'c.ServerApp.terminals_enabled = False' "$CONFIG" 2>/dev/null \
  || echo 'c.ServerApp.terminals_enabled = False' >> "$CONFIG"
# Files created by the notebook user are private to that user.
grep -qxF 'umask 077' /home/ec2-user/.bashrc 2>/dev/null || echo 'umask 077' >> /home/ec2-user/.bashrc
chown -R ec2-user:ec2-user /home/ec2-user/.jupyter
# The server starts only after this script returns: queue the restart, do not wait for it.
systemctl --no-block restart jupyter-server.service
