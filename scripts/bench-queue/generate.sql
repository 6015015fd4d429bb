-- A scratch database for measuring the staff queue (docs/performance-queue.md): :cases cases over five years
-- with a realistic spread (most of them long closed, a few percent open, many countries, platforms and
-- categories, Japanese and English text), and 20 staff to assign them to. Run on a migrated, empty database:
--   psql -v cases=1000000 -f generate.sql
-- It bypasses the application on purpose (a bulk import); the generated columns fill themselves.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(0.42);

INSERT INTO users (id, display_name, is_disabled, created_at, user_name, normalized_user_name, email, normalized_email,
                   email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                   lockout_enabled, access_failed_count)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
       (ARRAY['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + (i - 1) % 10] || ' ' || (ARRAY['花子','一郎','美咲','健太','由美'])[1 + (i - 1) / 10 * 2 + (i % 2)],
       false, now() - interval '3 years', 'staff' || i || '@ccj.test', upper('staff' || i || '@ccj.test'),
       'staff' || i || '@ccj.test', upper('staff' || i || '@ccj.test'), true, md5(i::text), md5(i::text), false, false, true, 0
FROM generate_series(1, 20) i;
INSERT INTO user_roles (user_id, role_id)
SELECT u.id, r.id FROM users u, roles r WHERE u.email LIKE 'staff%@ccj.test' AND r.name = 'Staff';

CREATE TEMP TABLE gen AS
SELECT g,
       -- Five years, more recent years busier.
       now() - (1826 * power(random(), 1.3)) * interval '1 day' AS received_at,
       random() AS r_status, random() AS r_due, random() AS r_assign, random() AS r_prio, random() AS r_cat,
       random() AS r_country, random() AS r_platform, random() AS r_lang, random() AS r_name, random() AS r_merchant,
       random() AS r_text, random() AS r_item, random() AS r_activity
FROM generate_series(1, :cases) g;

CREATE TEMP TABLE gen2 AS
SELECT gen.*,
       extract(epoch FROM now() - received_at) / 86400 AS age_days,
       CASE
         WHEN now() - received_at < interval '14 days' THEN
           CASE WHEN r_status < .30 THEN 'Received' WHEN r_status < .60 THEN 'InProgress' WHEN r_status < .75 THEN 'WaitingForConsumer'
                WHEN r_status < .90 THEN 'Forwarded' WHEN r_status < .95 THEN 'PartnerResponded' WHEN r_status < .99 THEN 'Closed' ELSE 'Declined' END
         WHEN now() - received_at < interval '90 days' THEN
           CASE WHEN r_status < .01 THEN 'Received' WHEN r_status < .11 THEN 'InProgress' WHEN r_status < .16 THEN 'WaitingForConsumer'
                WHEN r_status < .41 THEN 'Forwarded' WHEN r_status < .46 THEN 'PartnerResponded' WHEN r_status < .94 THEN 'Closed' ELSE 'Declined' END
         ELSE
           CASE WHEN r_status < .002 THEN 'InProgress' WHEN r_status < .005 THEN 'Forwarded' WHEN r_status < .925 THEN 'Closed' ELSE 'Declined' END
       END AS status,
       CASE
         WHEN r_country < .24 THEN 'US' WHEN r_country < .42 THEN 'CN' WHEN r_country < .49 THEN 'HK' WHEN r_country < .54 THEN 'TW'
         WHEN r_country < .60 THEN 'KR' WHEN r_country < .63 THEN 'SG' WHEN r_country < .69 THEN 'GB' WHEN r_country < .72 THEN 'CA'
         WHEN r_country < .75 THEN 'AU' WHEN r_country < .77 THEN 'FR' WHEN r_country < .80 THEN 'DE' WHEN r_country < .82 THEN 'IT'
         ELSE (ARRAY['TH','VN','MY','PH','ID','IN','NL','ES','SE','CH','BE','AT','DK','NO','FI','IE','PT','PL','CZ','NZ',
                     'MX','BR','AR','AE','TR','IL','ZA','RU','UA','LT'])[1 + floor((r_country - .82) / .18 * 30)::int]
       END AS country,
       CASE
         WHEN r_cat < .30 THEN 'NotDelivered' WHEN r_cat < .42 THEN 'DamagedOrDefective' WHEN r_cat < .48 THEN 'WrongItem'
         WHEN r_cat < .63 THEN 'ReturnOrRefundRefused' WHEN r_cat < .71 THEN 'CannotContactBusiness' WHEN r_cat < .76 THEN 'ChargedMoreThanShown'
         WHEN r_cat < .82 THEN 'Counterfeit' WHEN r_cat < .90 THEN 'SubscriptionOrUnauthorizedCharge' WHEN r_cat < .97 THEN 'SuspectedFraudSite' ELSE 'Other'
       END AS category,
       CASE
         WHEN r_platform < .15 THEN 'Amazon' WHEN r_platform < .27 THEN 'AliExpress' WHEN r_platform < .37 THEN 'Temu' WHEN r_platform < .45 THEN 'Shein'
         WHEN r_platform < .51 THEN 'Ebay' WHEN r_platform < .53 THEN 'Etsy' WHEN r_platform < .58 THEN 'Taobao' WHEN r_platform < .62 THEN 'Qoo10'
         WHEN r_platform < .65 THEN 'Shopee' WHEN r_platform < .75 THEN 'SocialMedia' WHEN r_platform < .97 THEN 'BusinessOwnSite' ELSE 'Other'
       END AS platform,
       CASE WHEN r_prio < .03 THEN 'Urgent' WHEN r_prio < .15 THEN 'High' WHEN r_prio < .95 THEN 'Normal' ELSE 'Low' END AS priority
FROM gen;

INSERT INTO cases (
    id, number, submission_id, status, language, received_at,
    consumer_name, consumer_name_kana, consumer_email, consumer_phone, consumer_postal_code, consumer_prefecture_code, consumer_address, consumer_age_band,
    business_name, business_website, business_country_code, business_email, business_phone,
    purchase_date, purchase_item, purchase_amount, purchase_currency_code, payment_method, purchase_platform, purchase_platform_name, purchase_order_number,
    category, what_happened, business_contacted_on, business_contact_method, business_response, desired_resolution, counterfeit_acknowledged,
    assigned_to_id, priority, due_at, last_activity_at, closed_at, outcome, decline_reason, duplicate_of_number)
SELECT
    -- A version-7 UUID from the receipt time, as Case.Receive makes them.
    (lpad(to_hex((extract(epoch FROM received_at) * 1000)::bigint), 12, '0') || '7' || substr(md5(g::text), 1, 3) || '8' || substr(md5(g::text), 4, 15))::uuid,
    'CCJ-' || to_char(received_at AT TIME ZONE 'Asia/Tokyo', 'YYYY') || '-'
        || lpad((row_number() OVER (PARTITION BY to_char(received_at AT TIME ZONE 'Asia/Tokyo', 'YYYY') ORDER BY received_at, g))::text, 6, '0'),
    md5('submission' || g)::uuid, status, CASE WHEN r_lang < .92 THEN 'ja' ELSE 'en' END, received_at,
    CASE WHEN r_lang < .92
         THEN (ARRAY['山田','佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤','吉田','山口','松本','井上','木村','林','斎藤','清水','山崎',
                     '森','池田','橋本','阿部','石川','山下','中島','石井','小川','前田','岡田','長谷川','藤田','後藤','近藤','村上','遠藤','青木','坂本','西村'])[1 + floor(r_name * 40)::int]
              || ' ' || (ARRAY['太郎','花子','一郎','美咲','健太','由美','翔太','陽菜','大輔','さくら','拓也','愛','直樹','彩','誠','真由美','浩二','恵','悠斗','結衣',
                               '亮','舞','修','明美','和也','麻衣','隆','智子','健一','優子'])[1 + floor(random() * 30)::int]
         ELSE (ARRAY['John','Mary','David','Sarah','Michael','Emma','James','Olivia','Robert','Sophia'])[1 + floor(r_name * 10)::int]
              || ' ' || (ARRAY['Smith','Johnson','Brown','Taylor','Wilson','Davies','Evans','Thomas','Roberts','Walker','Wright','Green'])[1 + floor(random() * 12)::int]
    END,
    CASE WHEN r_lang < .92 THEN 'ヤマダ タロウ' END,
    'consumer' || g || '@' || (ARRAY['example.jp','mail.example.ne.jp','example.com','docomo.example.jp','ezweb.example.jp'])[1 + g % 5],
    '090-' || lpad((g % 10000)::text, 4, '0') || '-' || lpad(((g / 10000) % 10000)::text, 4, '0'),
    lpad((g % 1000)::text, 3, '0') || '-' || lpad((g % 10000)::text, 4, '0'),
    'JP-' || lpad((1 + g % 47)::text, 2, '0'),
    '千代田区千代田' || (1 + g % 9) || '-' || (1 + g % 30),
    (ARRAY['Under20','Twenties','Thirties','Forties','Fifties','Sixties','Seventies','EightyOrOver','PreferNotToSay'])[1 + g % 9],
    -- Merchants: Chinese company names, English shop names, a few that recur.
    CASE
      WHEN r_merchant < .001 THEN '深圳市某某科技有限公司'
      WHEN country IN ('CN', 'HK', 'TW') AND r_merchant < .7 THEN
        (ARRAY['深圳市','广州市','义乌市','杭州市','上海','东莞市','厦门市','宁波市'])[1 + floor(r_merchant * 11)::int % 8]
        || (ARRAY['华','佳','盛','美','鑫','达','兴','优','易','星','金','瑞'])[1 + g % 12]
        || (ARRAY['泰','信','丰','源','通','宝','创','达','诚','恒'])[1 + (g / 12) % 10]
        || (ARRAY['科技','电子','贸易','服饰','网络','商贸','数码','实业'])[1 + (g / 120) % 8] || '有限公司'
      ELSE
        (ARRAY['Bright','Global','Happy','Smart','Prime','Golden','Blue','Urban','Nova','Royal','Lucky','Star','Fresh','Rapid','Pure'])[1 + g % 15]
        || ' ' || (ARRAY['Gadgets','Fashion','Outlet','Deals','Store','Trading','Electronics','Boutique','Mart','Supply','Shop','Goods'])[1 + (g / 15) % 12]
        || ' ' || (ARRAY['Inc.','Ltd.','LLC','Co.','Pte. Ltd.','GmbH','Limited','Corp.'])[1 + (g / 180) % 8]
    END,
    'https://shop' || (g % 50000) || '.example.com/',
    country, 'support@shop' || (g % 50000) || '.example.com', NULL,
    (received_at - interval '20 days')::date,
    (ARRAY['ワイヤレスイヤホン','スニーカー','腕時計','ワンピース','スマートフォンケース','バッグ','化粧品セット','ゲーム機','ノートパソコン','カメラレンズ',
           'wireless earbuds','sneakers','handbag','smart watch','jacket'])[1 + floor(r_item * 15)::int],
    round((10 + r_item * 490)::numeric, 2), CASE country WHEN 'US' THEN 'USD' WHEN 'CN' THEN 'CNY' WHEN 'GB' THEN 'GBP' ELSE 'USD' END,
    (ARRAY['CreditCard','PayPal','BankTransfer','EMoney','Other'])[1 + g % 5],
    platform, NULL, 'ORD-' || g,
    category,
    -- Two to four sentences of what happened.
    array_to_string(ARRAY(
        SELECT (ARRAY[
            '注文した商品が届きません。', '代金はクレジットカードで支払い済みです。', '販売店にメールで問い合わせましたが返事がありません。',
            '届いた商品が壊れていました。', '写真と違う商品が届きました。', '返金を求めましたが応じてもらえません。',
            '配送状況の追跡番号が無効になっています。', 'サイトに表示された送料より高い金額を請求されました。', '偽物のブランド品が届いたようです。',
            '解約したはずのサブスクリプションの料金が毎月引き落とされています。', 'サイトが閉鎖されて連絡が取れなくなりました。', '返品の送料を負担するよう言われました。',
            '商品の到着から二週間以上たっています。', 'チャットで問い合わせると定型文の返信しか来ません。', '注文をキャンセルしたのに請求が取り消されません。',
            'サイズが合わなかったので交換を希望しています。', '説明書が入っておらず使い方が分かりません。', '同じ商品が二回請求されていました。',
            'The parcel never arrived although the tracking says delivered.', 'I asked for a refund three times without an answer.',
            'The item is broken and the seller refuses a return.', 'I was charged twice for one order.'
        ])[1 + floor(random() * 22)::int]
        FROM generate_series(1, 2 + (g % 3)) s WHERE s > 0 AND g > 0), ''),
    (received_at - interval '5 days')::date,
    (ARRAY['Email','ContactForm','PlatformMessaging','Chat','Phone','Other'])[1 + g % 6],
    '返事がありません。', (ARRAY['Refund','Delivery','Exchange','Cancellation','Explanation','Other'])[1 + g % 6],
    category = 'Counterfeit',
    CASE WHEN status = 'Received' AND r_assign > .1 THEN NULL
         WHEN r_assign < .95 OR status NOT IN ('Received') THEN ('00000000-0000-4000-8000-' || lpad(to_hex(1 + floor(r_assign * 20)::int), 12, '0'))::uuid END,
    priority,
    CASE status
      WHEN 'Received' THEN received_at + interval '2 days'
      WHEN 'InProgress' THEN received_at + (age_days * r_activity) * interval '1 day' + interval '5 days'
      WHEN 'WaitingForConsumer' THEN received_at + (age_days * r_activity) * interval '1 day' + interval '7 days'
      WHEN 'PartnerResponded' THEN received_at + (age_days * r_activity) * interval '1 day' + interval '2 days'
      WHEN 'Forwarded' THEN CASE WHEN r_due < .8 THEN received_at + (age_days * r_activity) * interval '1 day' + interval '30 days' END
    END,
    CASE WHEN status IN ('Closed', 'Declined') THEN received_at + least(age_days, 5 + 55 * r_activity) * interval '1 day'
         ELSE received_at + (age_days * r_activity) * interval '1 day' END,
    CASE WHEN status IN ('Closed', 'Declined') THEN received_at + least(age_days, 5 + 55 * r_activity) * interval '1 day' END,
    CASE WHEN status = 'Closed' THEN (ARRAY['Resolved','PartlyResolved','NotResolved','Withdrawn','NoReply'])[1 + g % 5] END,
    CASE WHEN status = 'Declined' THEN (ARRAY['Counterfeit','BusinessPurchase','OutOfScope','Duplicate'])[1 + g % 4] END,
    NULL
FROM gen2;

INSERT INTO case_number_counters (year, last_sequence)
SELECT substr(number, 5, 4)::int, max(substr(number, 10)::int) FROM cases GROUP BY 1
ON CONFLICT (year) DO UPDATE SET last_sequence = excluded.last_sequence;

VACUUM ANALYZE cases;
