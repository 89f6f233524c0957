"""The rules: one module each, defining RULE. `peptide_lint.registry` lists them all."""
