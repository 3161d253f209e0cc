& 'C:/k/install-node.ps1'
