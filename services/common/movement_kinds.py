"""The Russian names of the movement orders' kinds (identity's OrderKind, by its lower-case name), as the register
prints them in the gateway's pages and in reporting's PDF."""
KIND_NAMES = {"enrolment": "Зачисление", "transfer": "Перевод в другой класс",
              "promotion": "Перевод в следующий класс", "conditional_promotion": "Условный перевод",
              "repetition": "Оставление на повторное обучение", "graduation": "Выпуск", "leaving": "Выбытие",
              "cancellation": "Отмена приказа"}
