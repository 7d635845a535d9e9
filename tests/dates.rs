//! Date resolution against the article date, through the command line: each case is one
//! sentence, the article date and the dates that must come out (text and calendar value).

mod common;

use common::*;

fn dates(text: &str, article: &str) -> Vec<(String, String)> {
    let out = newsgraph()
        .args(["extract", "--stdin-text", "--quiet", "--date", article])
        .write_stdin(text)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    recs[0]["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["text"].as_str().unwrap().to_string(),
                d["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check(text: &str, article: &str, want: &[(&str, &str)]) {
    let got = dates(text, article);
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "{text} (article {article})");
}

#[test]
fn absolute_forms() {
    check(
        "Встреча прошла 22/02/2024, а договор подписан 30.11.2021 и 2024-03-01.",
        "2024-03-02",
        &[
            ("22/02/2024", "2024-02-22"),
            ("30.11.2021", "2021-11-30"),
            ("2024-03-01", "2024-03-01"),
        ],
    );
    check(
        "Форум пройдёт 17 нояб. 2023 г. в Казани.",
        "2023-10-01",
        &[("17 нояб. 2023 г.", "2023-11-17")],
    );
}

#[test]
fn relative_days_and_weekdays() {
    check(
        "Вчера президенты созвонились.",
        "2021-06-17",
        &[("Вчера", "2021-06-16")],
    );
    check(
        "Во вторник они встретились, а в пятницу встретятся снова.",
        "2021-06-17",
        &[("Во вторник", "2021-06-15"), ("в пятницу", "2021-06-18")],
    );
    // A weekday after «на» is ahead: a plan or a postponement.
    check(
        "Визит, запланированный на понедельник, сорван.",
        "2022-06-05",
        &[("на понедельник", "2022-06-06")],
    );
}

#[test]
fn days_relative_to_the_text() {
    check(
        "Абэ прибыл во Владивосток 4 сентября. Накануне вечером он провёл встречу.",
        "2019-09-10",
        &[("4 сентября", "2019-09-04"), ("Накануне", "2019-09-09")],
    );
    check(
        "Путин прилетит в Эр-Рияд 14 октября. На следующий день он посетит ОАЭ.",
        "2019-10-10",
        &[
            ("14 октября", "2019-10-14"),
            ("На следующий день", "2019-10-15"),
        ],
    );
    // «накануне выборов» is before something else: no date.
    check("Накануне выборов он выступил.", "2020-04-17", &[]);
}

#[test]
fn months_follow_the_tense() {
    // Past tense: the last March, not the nearest one.
    check(
        "Они общались по видеосвязи в марте, а по телефону в июле.",
        "2022-11-15",
        &[("в марте", "2022-03"), ("в июле", "2022-07")],
    );
    check(
        "Встреча пройдёт в марте.",
        "2022-11-15",
        &[("в марте", "2023-03")],
    );
    // A plan told in the past tense points ahead.
    check(
        "Президент собирался посетить Москву в мае.",
        "2020-04-17",
        &[("в мае", "2020-05")],
    );
    check(
        "Парад 9 мая отменён.",
        "2020-04-17",
        &[("9 мая", "2020-05-09")],
    );
    check(
        "В ноябре прошлого года он был в Москве.",
        "2024-03-18",
        &[("В ноябре прошлого года", "2023-11")],
    );
}

#[test]
fn a_month_something_is_set_for_lies_ahead() {
    // «на» + month: what a plan is set or moved to, ahead of the article even when the
    // sentence is in the past tense.
    check(
        "Визит, запланированный на июль, отменён.",
        "2024-06-20",
        &[("на июль", "2024-07")],
    );
    check(
        "Саммит перенесли на март.",
        "2022-11-15",
        &[("на март", "2023-03")],
    );
    check(
        "Переговоры назначены на май.",
        "2021-05-04",
        &[("на май", "2021-05")],
    );
}

#[test]
fn seasons_and_parts_of_the_year() {
    check(
        "Моди может посетить Россию осенью.",
        "2021-07-08",
        &[("осенью", "2021")],
    );
    check(
        "Чавушоглу до конца года посетит Россию.",
        "2020-11-20",
        &[("до конца года", "2020")],
    );
    check(
        "В конце прошлого года лидеры встречались.",
        "2020-02-01",
        &[("В конце прошлого года", "2019")],
    );
}

#[test]
fn dates_outside_the_calendar_are_dropped() {
    // Found by the `dates` fuzz target: year 0 came out of «в прошлом году» in year 1.
    check("В прошлом году он был там.", "0001-03-01", &[]);
    check(
        "В следующем году и через год он будет там.",
        "9999-03-01",
        &[],
    );
    check("Вчера он был там.", "0001-01-01", &[]);
}

#[test]
fn a_verb_that_is_also_a_noun_form_still_sets_the_tense() {
    // «примет» is «принять» in the future or the genitive plural of «примета».
    check(
        "Эрдоган примет наследного принца в Анкаре 22 июня.",
        "2024-11-20",
        &[("22 июня", "2025-06-22")],
    );
}

#[test]
fn weekends_resolve_to_the_month_of_their_saturday() {
    // 2025-04-01 is a Tuesday: the last weekend began on Saturday 29 March, the next one on
    // 5 April.
    check(
        "В минувшие выходные министр побывал в Минске.",
        "2025-04-01",
        &[("В минувшие выходные", "2025-03")],
    );
    check(
        "На выходных министр посетит Минск.",
        "2025-04-01",
        &[("На выходных", "2025-04")],
    );
    check(
        "На выходных министр побывал в Минске.",
        "2025-04-01",
        &[("На выходных", "2025-03")],
    );
}

#[test]
fn a_week_in_the_accusative_is_a_week_too() {
    // The value is the month of the day a week after the article (3 July), as for «на
    // следующей неделе».
    check(
        "Визит, запланированный на следующую неделю, отменён.",
        "2025-06-26",
        &[("на следующую неделю", "2025-07")],
    );
}

#[test]
fn the_start_or_end_of_next_or_last_month_is_that_month() {
    check(
        "В конце прошлого месяца министр был в Анкаре.",
        "2025-01-10",
        &[("В конце прошлого месяца", "2024-12")],
    );
    check(
        "В начале следующего месяца министр посетит Анкару.",
        "2025-12-10",
        &[("В начале следующего месяца", "2026-01")],
    );
}

#[test]
fn ago_and_last_or_next_weekday() {
    // The article is of Wednesday 2024-02-07.
    check(
        "Встреча прошла 3 дня назад, а переговоры — два года назад.",
        "2024-02-07",
        &[("3 дня назад", "2024-02-04"), ("два года назад", "2022")],
    );
    check(
        "Министр уехал месяц назад.",
        "2024-02-07",
        &[("месяц назад", "2024-01")],
    );
    check(
        "Встреча прошла в прошлую пятницу, визит — в минувший четверг, а переговоры пройдут в \
         следующий вторник.",
        "2024-02-07",
        &[
            ("в прошлую пятницу", "2024-02-02"),
            ("в минувший четверг", "2024-02-01"),
            ("в следующий вторник", "2024-02-13"),
        ],
    );
    // On a Friday «в прошлую пятницу» is a week back, not the article's own day.
    check(
        "Встреча прошла в прошлую пятницу.",
        "2024-02-09",
        &[("в прошлую пятницу", "2024-02-02")],
    );
}

#[test]
fn the_same_day_counts_from_the_last_day_written_not_a_coarser_date() {
    check(
        "Договор подписали 11 ноября 2017 года. Ровно 99 лет назад закончилась война. В тот же \
         день прошёл парад.",
        "2017-11-12",
        &[
            ("11 ноября 2017 года", "2017-11-11"),
            ("99 лет назад", "1918"),
            ("В тот же день", "2017-11-11"),
        ],
    );
    // «на следующий день после X» counts from X, which is no date here.
    check(
        "Договор подписали 11 ноября. Покушение произошло на следующий день после драки.",
        "2017-11-12",
        &[("11 ноября", "2017-11-11")],
    );
}
