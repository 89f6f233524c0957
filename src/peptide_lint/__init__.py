"""peptide-lint: the validator of the peptide reference's YAML entries."""

__version__ = "0.1.0"
