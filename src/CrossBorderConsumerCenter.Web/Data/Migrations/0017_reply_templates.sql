-- Reply templates: texts staff start a message to the consumer from (request information, tell the consumer,
-- decline, close), in Japanese and English, with placeholders the case fills ({case_number}, {consumer_name},
-- {merchant}, {item}, {partner}, {deadline}; Domain/Replies/ReplyPlaceholders). Admins keep them at
-- /admin/reply-templates. Seeded with a few that staff write often; admins change or deactivate them.

CREATE TABLE reply_templates (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    action character varying(30) NOT NULL,
    japanese_text character varying(4000) NOT NULL,
    english_text character varying(4000) NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_reply_templates PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_reply_templates_action_name ON reply_templates (action, name);

INSERT INTO reply_templates (id, name, action, japanese_text, english_text, is_active, created_at, updated_at) VALUES
    (gen_random_uuid(), '注文と支払いの記録 / Order and payment records', 'RequestInformation',
        E'ご相談の内容を確認するため、次のものをお送りください。\n\n・{merchant} からの注文確認メール、または注文画面の写し(注文番号がわかるもの)\n・お支払いの記録(カードの利用明細、PayPal の取引記録など)\n\nお手元にないものがあれば、その旨をお知らせください。',
        E'To look into your case, please send us:\n\n- the order confirmation from {merchant}, or a screenshot of your order showing the order number\n- the record of your payment (a card statement, a PayPal transaction record or similar)\n\nIf you do not have one of these, please tell us.',
        true, now(), now()),
    (gen_random_uuid(), '事業者とのやり取り / Messages with the business', 'RequestInformation',
        E'{merchant} とのやり取り(メール、問い合わせフォーム、チャットなど)を、日付がわかる形でお送りください。\n\n{deadline}までにお送りいただければ、{partner}に伝える準備を進めます。',
        E'Please send us your messages with {merchant} (emails, contact form, chat), with their dates.\n\nIf we have them by {deadline}, we can prepare to pass your case to {partner}.',
        true, now(), now()),
    (gen_random_uuid(), '提携機関に伝えました / Passed to the partner agency', 'NotifyConsumer',
        E'{partner}に、{merchant} への働きかけを依頼しました。回答があり次第お知らせします。回答までには通常数週間かかります。',
        E'We have asked {partner} to contact {merchant} about your case. We will let you know as soon as they answer; this usually takes a few weeks.',
        true, now(), now()),
    (gen_random_uuid(), '提携機関からの回答 / The partner agency''s answer', 'NotifyConsumer',
        E'{partner}から、{merchant} の対応について連絡がありました。\n\n(ここに回答の内容を書いてください)\n\n内容をご確認のうえ、問題が解決したかどうかをお知らせください。',
        E'{partner} has told us how {merchant} responded.\n\n(Write the answer here.)\n\nPlease check it and let us know whether your problem is resolved.',
        true, now(), now()),
    (gen_random_uuid(), 'お力になれないお詫び / An apology', 'Decline',
        E'{merchant} についてのご相談を拝見しました。センターではお力になれず、申し訳ありません。下にご案内する方法で、解決できる可能性があります。',
        E'We have read what you told us about {merchant}. We are sorry that the center cannot help with it. The ways described below may still resolve it.',
        true, now(), now()),
    (gen_random_uuid(), '偽造品と判断 / Counterfeit goods', 'Decline',
        E'お送りいただいた写真と説明から、{item} は偽造品(ブランド品の偽物)である可能性が高いと判断しました。',
        E'From the photos and description you sent us, we believe that {item} is very likely a counterfeit (a fake of a branded product).',
        true, now(), now()),
    (gen_random_uuid(), '解決しました / Resolved', 'Close',
        E'{merchant} との問題が解決したとのご連絡をありがとうございました。ご相談はこれで終了とします。',
        E'Thank you for letting us know that your problem with {merchant} has been resolved. We have now closed your case.',
        true, now(), now()),
    (gen_random_uuid(), '事業者から回答なし / No answer from the business', 'Close',
        E'{partner}を通じて {merchant} に対応を求めましたが、回答がありませんでした。申し訳ありませんが、センターでの対応はこれで終了します。',
        E'We asked {merchant} to respond through {partner}, but they did not answer. We are sorry: the center''s work on your case ends here.',
        true, now(), now());
