import ArgumentParser
import Foundation
import PhieuKin
import PhieuKinCore
import PhieuKinMessages

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "List and explain survey definitions.", subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List shipped and workspace survey definitions.")
        @OptionGroup var options: WorkspaceOptions

        /// A refused workspace definition does not hide the others: they are listed, each refused
        /// file gets an `error:` line on stderr, and the exit status is 2.
        func run() throws {
            let (surveys, problems) = try options.open().rounds.describeSurveys(language: interfaceLanguage)
            for line in surveys { print(line) }
            for problem in problems { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
            if !problems.isEmpty { throw ExitCode(2) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Explain one survey: questions, codes, policy.")
        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The survey id, e.g. quarterly-7.") var id: SurveyID

        func run() throws {
            print(try options.open().rounds.describeSurvey(id: id, language: interfaceLanguage))
        }
    }
}
