import ArgumentParser
import Engine
import Foundation
import REPL

@main
