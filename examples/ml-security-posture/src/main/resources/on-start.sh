#!/bin/bash
# mlinfra ml-security-posture: on-start hardening of the notebook (lifecycle scripts run as root).
set -euo pipefail
CONFIG=/home/ec2-user/.jupyter/jupyter_server_config.py
mkdir -p "$(dirname "$CONFIG")"
# No Jupyter terminals: notebook users work through kernels, not an interactive shell.
echo "c.ServerApp.terminals_enabled = False" >> "$CONFIG"
# Files created by the notebook user are private to that user.
grep -q '^umask 077$' /home/ec2-user/.bashrc || echo 'umask 077' >> /home/ec2-user/.bashrc
chown -R ec2-user:ec2-user /home/ec2-user/.jupyter
systemctl restart jupyter-server
