import PhieuKinTestFixtures
import Testing

@testable import PhieuKinCore

@Suite("Question ids")
struct QuestionIDTests {
    @Test(arguments: [
        ("VP01.dao-duc", Survey.Shape.grid, QuestionID.grid(official: "VP01", criterion: "dao-duc")),
        ("VP01.a.b", .grid, .grid(official: "VP01", criterion: "a.b")),
        ("VP01", .officialChoice, .official("VP01")),
        ("thai-do", .questions, .question("thai-do")),
    ])
    func parsesAndPrintsTheSameText(text: String, shape: Survey.Shape, expected: QuestionID) {
        #expect(QuestionID(text, shape: shape) == expected)
        #expect(expected.text == text)
    }

    @Test func aGridIdNeedsADot() {
        #expect(QuestionID("VP01", shape: .grid) == nil)
    }

    @Test func allQuestionsInBallotOrder() {
        let survey = TallyFixtures.quarterly7
        let all = QuestionID.all(of: survey, officials: ["b", "a"])
        #expect(all.count == 2 * survey.criteria.count)
        #expect(all.first == .grid(official: "b", criterion: survey.criteria[0].id))
        #expect(all.last == .grid(official: "a", criterion: survey.criteria.last!.id))
        #expect(
            QuestionID.all(of: TallyFixtures.monthlyRating, officials: ["b", "a"]) == [.official("b"), .official("a")])
        #expect(
            QuestionID.all(of: TallyFixtures.satisfaction5, officials: ["x"]).map(\.text)
                == TallyFixtures.satisfaction5.questions.map(\.id))
    }
}
