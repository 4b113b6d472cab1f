/// The trainbook language: lexer, parser, interpreter, values and diagnostics.
public enum LanguageModule {}
