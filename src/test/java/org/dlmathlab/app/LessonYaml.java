package org.dlmathlab.app;

/** Small lesson files for tests. */
final class LessonYaml {

    private LessonYaml() {
    }

    static String minimal(String id) {
        return """
                id: %s
                topic: linear-algebra
                title: {en: Test, zh: 测试}
                lab: transform2d
                text: {en: Text, zh: 文字}
                exercises:
                  - id: flip
                    kind: goal
                    prompt: {en: Flip, zh: 翻转}
                    goal: "det < 0"
                    solution: {a: -1}
                    hint: {en: h, zh: 提示}
                    explanation: {en: e, zh: 解释}
                """.formatted(id);
    }
}
